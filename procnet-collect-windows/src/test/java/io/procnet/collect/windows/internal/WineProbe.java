package io.procnet.collect.windows.internal;

import io.procnet.model.ProcessInfo;
import io.procnet.model.Snapshot;
import io.procnet.model.SocketEntry;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.CollectorRegistry;
import io.procnet.spi.ConnectionCollector;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;

/**
 * Runs in a Windows JVM under Wine, started by {@link WineLiveTest}: opens a connection of its
 * own on fixed ports, collects with {@code windows-iphlpapi}, reads its own process details and
 * the running services, and prints what it found, a line per fact, tab-separated, for the test.
 */
public final class WineProbe {
    static final int OWN_SERVER_PORT = 61011;
    static final int OWN_CLIENT_PORT = 61012;

    private WineProbe() {
    }

    /** Starts a child (a {@code cmd.exe} that waits for commands on its stdin) and prints what the collector reads of it. */
    private static void printChild(WindowsProcesses processes) throws Exception {
        Process child = new ProcessBuilder("cmd.exe", "/d").redirectErrorStream(true).start();
        try {
            processes.startCollection(); // a snapshot that has the child
            ProcessInfo info = processes.read(child.pid(), java.time.Instant.now());
            System.out.println("child\t" + child.pid() + "\t" + info.name() + "\t" + info.parentPid());
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    public static void main(String[] args) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = new ServerSocket(OWN_SERVER_PORT, 8, loopback);
             Socket client = new Socket()) {
            client.bind(new InetSocketAddress(loopback, OWN_CLIENT_PORT));
            client.connect(new InetSocketAddress(loopback, OWN_SERVER_PORT));
            try (Socket accepted = server.accept()) {
                System.out.println("accepted\t" + accepted.getRemoteSocketAddress());
                System.out.println("self\t" + Win32.Kernel32.GetCurrentProcessId());
                System.out.println("available\t" + new WindowsIpHelperProvider().availability().describe());
                try (ConnectionCollector collector = CollectorRegistry.discover().select("windows-iphlpapi")
                        .create(CollectorOptions.defaults())) {
                    Snapshot snapshot = collector.collect();
                    for (SocketEntry socket : snapshot.sockets()) {
                        System.out.println("socket\t" + socket.protocol() + "\t" + socket.local() + "\t" + socket.remote()
                                + "\t" + socket.state() + "\t" + socket.pid());
                    }
                    for (ProcessInfo process : snapshot.processes().values()) {
                        System.out.println("process\t" + process.pid() + "\t" + process.name() + "\t" + process.executable()
                                + "\t" + process.commandLine() + "\t" + process.startTime() + "\t" + process.displayName());
                    }
                    snapshot.issues().forEach(issue -> System.out.println("issue\t" + issue.message()));
                }
                WindowsProcesses processes = new WindowsProcesses();
                processes.startCollection();
                ProcessInfo self = processes.read(Win32.Kernel32.GetCurrentProcessId(), java.time.Instant.now());
                System.out.println("selfprocess\t" + self.pid() + "\t" + self.name() + "\t" + self.executable() + "\t"
                        + self.commandLine() + "\t" + self.startTime() + "\t" + self.user() + "\t" + self.parentPid());
                printChild(processes);
                for (Map.Entry<Long, List<String>> entry : new WindowsServices(System::nanoTime).byPid().entrySet()) {
                    System.out.println("services\t" + entry.getKey() + "\t" + String.join(",", entry.getValue()));
                }
            }
        }
    }
}
