package io.procnet.internal.graph;

import java.util.Set;

/** Ports that identify the server end of a connection: a built-in table plus the user's. */
final class ServicePorts {

    /**
     * Well-known server ports. None lies in Linux's default ephemeral range (32768-60999), where a
     * client port would be taken for a server; ActiveMQ's 6161x lie in the IANA range, a known risk.
     */
    private static final int[] BUILT_IN = {
        // file transfer, remote shells and desktops
        20, 21, 22, 23, 69, 873, 989, 990, 2049, 3389, 5900, 5901, 5985, 5986,
        // mail
        25, 110, 143, 465, 587, 993, 995,
        // name, directory, time and auth services
        53, 67, 68, 88, 123, 389, 464, 636, 853, 3268, 3269, 5353, 5355,
        // Windows and file sharing
        135, 137, 138, 139, 445,
        // web and proxies
        80, 443, 591, 1080, 3128, 8000, 8008, 8080, 8081, 8443, 8888, 9443,
        // databases
        1433, 1434, 1521, 1830, 3050, 3306, 5432, 5433, 5984, 7474, 7687, 8086, 8529, 9042, 9200, 9300,
        26257, 27017, 27018, 27019, 28015,
        // caches and key-value stores
        6379, 6380, 11211, 2379, 2380, 8500, 26379,
        // message brokers
        1883, 4222, 4369, 5671, 5672, 6222, 8883, 9092, 9093, 15672, 61613, 61614, 61616,
        // coordination, orchestration and container hosts
        2181, 2375, 2376, 6443, 10250, 10255, 10256,
        // observability and admin
        161, 162, 514, 3000, 4317, 4318, 5044, 5601, 9090, 9093, 9100, 9411, 14268, 16686,
        // directory of RPC, version control and misc
        111, 3690, 9418,
    };

    private final boolean[] isService = new boolean[65536];

    ServicePorts(Set<Integer> extra) {
        for (int port : BUILT_IN) {
            isService[port] = true;
        }
        for (int port : extra) {
            isService[port] = true;
        }
    }

    boolean contains(int port) {
        return isService[port];
    }
}
