// Rehearsal: the report name starts with the release decision ("RELEASE HOLD"); show it as a badge,
// red unless it is SHIP, so it is read before the pass-rate ring. Text only: no HTML is built from data.
(function () {
  var PATTERN = /^(\s*)(RELEASE (SHIP|REPAIR|NARROW-ROLLOUT|HOLD|ROLLBACK))/;
  function mark(root) {
    var titles = root.querySelectorAll ? root.querySelectorAll('.widget__title') : [];
    for (var i = 0; i < titles.length; i++) {
      var text = titles[i].firstChild;
      var m = text && text.nodeType === 3 ? PATTERN.exec(text.nodeValue) : null;
      if (m) {
        var badge = document.createElement('span');
        badge.className = 'rehearsal-decision rehearsal-decision_' + (m[3] === 'SHIP' ? 'ship' : 'blocked');
        badge.textContent = m[2];
        text.nodeValue = text.nodeValue.substring(m[0].length);
        titles[i].insertBefore(badge, text);
      }
    }
  }
  new MutationObserver(function () { mark(document); }).observe(document.documentElement, { childList: true, subtree: true });
})();
