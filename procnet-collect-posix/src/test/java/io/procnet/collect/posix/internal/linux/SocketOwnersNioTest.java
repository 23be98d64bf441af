package io.procnet.collect.posix.internal.linux;

import java.nio.file.Path;

class SocketOwnersNioTest extends SocketOwnersContract {
    @Override
    FdScanner scanner(Path root) {
        return new NioFdScanner(root);
    }
}
