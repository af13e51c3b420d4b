package dev.rehearsal.examples;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The example release gate that is blocked: the candidate is hh-rlhf's more harmful
 * {@code rejected} response. Run only on demand ({@code -Pblocked-example}), since it fails.
 */
@Suite
@IncludeEngines("rehearsal")
@SelectPackages("gates.hold")
class HoldGateTest {}
