package io.procnet.collect.posix.internal.ss;

import java.io.IOException;
import java.util.List;

/** Runs a command and returns its standard output: the seam that lets the ss collector be tested with recorded output. */
@FunctionalInterface
public interface CommandRunner {
    String run(List<String> command) throws IOException;
}
