package io.procnet.rules;

import io.procnet.model.ProcessInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Times classification of 5,000 processes by 200 regex-heavy rules: from cold (a freshly parsed
 * rule set, nothing cached) and warm (the same processes again, as on every later tick). Not a
 * test: run it with {@code mvn -q -pl procnet-rules test-compile exec:exec@rules-bench}.
 *
 * <p>The rules: 120 regexes on the command line (alternations, {@code \s}, flags), 40 regexes
 * and 20 whole names on the process name, 10 on listening ports, 10 on users; the last rule
 * that can match is near the end, so most processes are tested against most rules. The
 * processes: 300 distinct names, command lines of 100 to 400 characters, a fifth of them
 * matched by some rule.
 */
public final class RulesBenchmark {
    private static final int PROCESSES = 5_000;
    private static final int ROUNDS = 15;

    private RulesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Random random = new Random(42);
        String rulesText = rules(random);
        List<ProcessInfo> processes = processes(random);
        List<Set<Integer>> ports = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            ports.add(i % 10 == 0 ? Set.of(10_000 + random.nextInt(50_000)) : Set.of());
        }

        List<Double> parse = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        int matched = 0;
        for (int round = 0; round < ROUNDS + 5; round++) {
            long start = System.nanoTime();
            RuleSet rules = RuleSet.parse(rulesText, "benchmark.yaml");
            long parsed = System.nanoTime();
            matched = classifyAll(rules, processes, ports);
            long coldEnd = System.nanoTime();
            classifyAll(rules, processes, ports);
            long warmEnd = System.nanoTime();
            if (round >= 5) { // the first rounds warm up the JIT
                parse.add((parsed - start) / 1e6);
                cold.add((coldEnd - parsed) / 1e6);
                warm.add((warmEnd - coldEnd) / 1e6);
            }
        }
        double coldMedian = median(cold);
        double warmMedian = median(warm);
        System.out.printf(Locale.ROOT, "%,d processes x 200 rules, %,d matched by a rule; median of %d rounds%n",
                PROCESSES, matched, ROUNDS);
        System.out.printf(Locale.ROOT, "  parse the rule file          %8.2f ms%n", median(parse));
        System.out.printf(Locale.ROOT, "  classify all, cold           %8.2f ms  (%.2f us per process)%n",
                coldMedian, coldMedian * 1000 / PROCESSES);
        System.out.printf(Locale.ROOT, "  classify all, warm           %8.2f ms  (%.3f us per process)%n",
                warmMedian, warmMedian * 1000 / PROCESSES);
        System.out.printf(Locale.ROOT, "  warm / cold                  %8.4f%n", warmMedian / coldMedian);
    }

    private static int classifyAll(RuleSet rules, List<ProcessInfo> processes, List<Set<Integer>> ports) {
        int matched = 0;
        for (int i = 0; i < processes.size(); i++) {
            if (!rules.classify(processes.get(i), ports.get(i)).type().equals("app")) {
                matched++;
            }
        }
        return matched;
    }

    private static String rules(Random random) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            yaml.append("- match_cmd: '/--(service|svc)-").append(i).append("(\\s+|=)(on|yes|\\d+)|/opt/vendor")
                    .append(i).append("/bin/'\n  type: service\n");
            if (i % 3 == 0) {
                yaml.setLength(yaml.length() - "'\n  type: service\n".length());
                yaml.append("i'\n  type: service\n");
            }
        }
        for (int i = 0; i < 40; i++) {
            yaml.append("- match_name: '/^(daemon").append(i).append("|worker-").append(i).append("-[a-z]+)(\\.exe)?$/i'\n")
                    .append("  type: database\n");
        }
        for (int i = 0; i < 20; i++) {
            yaml.append("- match_name: exact-name-").append(i).append("\n  type: cache\n");
        }
        for (int i = 0; i < 10; i++) {
            yaml.append("- match_port: [").append(10_000 + i).append(", ").append(20_000 + i).append("]\n")
                    .append("  type: load_balancer\n");
        }
        for (int i = 0; i < 10; i++) {
            yaml.append("- match_user: '/^svc-").append(i).append("$/'\n  match_cmd: serve\n  type: service\n");
        }
        return yaml.toString();
    }

    private static List<ProcessInfo> processes(Random random) {
        List<ProcessInfo> processes = new ArrayList<>();
        Instant boot = Instant.parse("2026-11-27T00:00:00Z");
        for (int pid = 1; pid <= PROCESSES; pid++) {
            int kind = random.nextInt(300);
            String name = kind < 40 && random.nextInt(5) == 0 ? "daemon" + kind : "proc" + kind;
            StringBuilder cmd = new StringBuilder("/usr/lib/app").append(kind).append("/bin/").append(name);
            int length = 100 + random.nextInt(300);
            while (cmd.length() < length) {
                cmd.append(" --option-").append(random.nextInt(1000)).append('=').append(Long.toHexString(random.nextLong()));
            }
            if (random.nextInt(10) == 0) {
                cmd.append(" --svc-").append(random.nextInt(120)).append(" on");
            }
            processes.add(new ProcessInfo(pid, name, cmd.toString(), "user" + random.nextInt(20), boot.plusSeconds(pid), ""));
        }
        return processes;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
