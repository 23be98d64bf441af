package io.procnet.collect.posix.internal.linux;

import java.nio.file.Path;

class SocketOwnersLibcTest extends SocketOwnersContract {
    @Override
    FdScanner scanner(Path root) {
        return new LibcFdScanner(root.toString());
    }
}
