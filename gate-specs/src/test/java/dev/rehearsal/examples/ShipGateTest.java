package dev.rehearsal.examples;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The example release gate that ships: the candidate is hh-rlhf's more harmless {@code chosen}
 * response, production the {@code rejected} one. Surefire reaches gate files only through a suite
 * class like this one.
 */
@Suite
@IncludeEngines("rehearsal")
@SelectPackages("gates.ship")
class ShipGateTest {}
