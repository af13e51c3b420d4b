package dev.rehearsal.bench.prefix;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The peak live heap: heap used right after each forced full GC, as the collector itself reports it
 * (GC notifications), so allocation by the running code between the GC and the reading does not count.
 */
final class LiveHeap implements NotificationListener {

  private final AtomicLong peak = new AtomicLong();
  private final AtomicLong last = new AtomicLong();
  private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

  LiveHeap() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener(this, null, null);
    }
  }

  @Override
  public void handleNotification(Notification n, Object handback) {
    if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
      return;
    }
    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    if ("System.gc()".equals(info.getGcCause())) {
      long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
          .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
      last.set(used);
      peak.accumulateAndGet(used, Math::max);
    }
  }

  /** Largest heap used after a forced GC so far, in bytes. */
  long peak() {
    return peak.get();
  }

  /** Heap used after the latest forced GC, in bytes. */
  long last() {
    return last.get();
  }
}
