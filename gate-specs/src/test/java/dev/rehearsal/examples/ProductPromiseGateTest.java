package dev.rehearsal.examples;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The example product-promise gate: billing answers must cite a policy section that exists,
 * checked by the team's own Java grader ({@code CitesPolicySection}, {@code type: java}). Runs
 * offline: production replays the committed log, the candidate is the in-process scripted model.
 */
@Suite
@IncludeEngines("rehearsal")
@SelectPackages("gates.promise")
class ProductPromiseGateTest {}
