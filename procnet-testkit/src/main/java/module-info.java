/**
 * The Procnet test kit: seeded random trials, damaged copies of recorded fixtures, and fixtures
 * cut short or surrounded by garbage, for the property tests of every module; what a module logs
 * during a test; the loopback socket load ({@code socket_load.py}) that the benchmarks measure
 * on; and a Windows JVM under Wine, for the tests that run Windows code for real. Depends on
 * nothing but the JDK (a failing trial is an {@link AssertionError}, which any test framework
 * reports); other modules use it in test scope only.
 */
module io.procnet.testkit {
    requires transitive java.logging;

    exports io.procnet.testkit;
}
