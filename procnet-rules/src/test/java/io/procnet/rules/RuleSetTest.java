package io.procnet.rules;

import static io.procnet.rules.Processes.process;
import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.graph.NodeClassification;
import io.procnet.model.ProcessInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleSetTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = RuleSetTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static NodeClassification classify(RuleSet rules, ProcessInfo process) {
        return rules.classify(process, Set.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"original-example.yaml", "original-example.json"})
    void theOriginalsExampleClassifiesAsItSays(String file) throws Exception {
        RuleSet rules = RuleSet.parse(resource(file), file);

        assertThat(rules.size()).isEqualTo(6);
        assertThat(classify(rules, process(1234, "postgres", "postgres -D /data")))
                .isEqualTo(new NodeClassification("database", "Local Postgres"));
        assertThat(classify(rules, process(10, "redis-server.exe", "redis-server.exe --port 6379")))
                .isEqualTo(new NodeClassification("cache", "Redis"));
        assertThat(classify(rules, process(11, "Google Chrome", "chrome --type=renderer")))
                .isEqualTo(new NodeClassification("app", "Chrome"));
        assertThat(classify(rules, process(12, "pgbouncer", "pgbouncer --listen 0.0.0.0:5432 -d")))
                .isEqualTo(new NodeClassification("database", "DB (Public)"));
        assertThat(classify(rules, process(13, "node", "node vite.js --PORT   5173")))
                .isEqualTo(new NodeClassification("service", "Dev Server"));
        assertThat(classify(rules, process(14, "node", "node server.js --port 8080")))
                .isEqualTo(new NodeClassification("app", "node"));
        assertThat(classify(rules, process(15, "QtWebEngineProcess", "")))
                .isEqualTo(new NodeClassification("qt_desktop", "Qt App"));
        assertThat(classify(rules, process(16, "sshd", "sshd: /usr/sbin/sshd -D")))
                .isEqualTo(new NodeClassification("app", "sshd"));
        assertThat(classify(rules, ProcessInfo.unknown(17))).isEqualTo(new NodeClassification("app", "pid 17"));
    }

    @Test
    void theFirstMatchingRuleWinsAndEveryFieldMustMatch() throws Exception {
        RuleSet rules = RuleSet.parse("""
                - match_name: java
                  match_cmd: kafka.Kafka
                  type: message_broker
                - match_name: java
                  type: app
                  label: Some Java
                - match_pid: 42
                  type: database
                """, "rules.yaml");

        assertThat(classify(rules, process(42, "java", "java -cp x kafka.Kafka"))).extracting("type")
                .isEqualTo("message_broker");
        assertThat(classify(rules, process(42, "java", "java -jar app.jar")).label()).isEqualTo("Some Java");
        assertThat(classify(rules, process(42, "python3", "python3 app.py")).type()).isEqualTo("database");
    }

    @Test
    void matchesPortsUsersAndExecutables() throws Exception {
        RuleSet rules = RuleSet.parse("""
                - match_port: [5432, 5433]
                  type: database
                - match_port: 6379
                  type: cache
                - match_user: /^svc-/
                  type: service
                - match_exe: /usr/sbin/nginx
                  type: load_balancer
                - match_exe: '/\\\\Program Files\\\\Acme\\\\/i'
                  type: service
                  label: Acme
                """, "rules.yaml");
        ProcessInfo anyone = process(1, "proxy", "proxy", "www", "/opt/proxy");

        assertThat(rules.classify(anyone, Set.of(80, 5433)).type()).isEqualTo("database");
        assertThat(rules.classify(anyone, Set.of(6379)).type()).isEqualTo("cache");
        assertThat(rules.classify(anyone, Set.of(80)).type()).isEqualTo("app");
        assertThat(classify(rules, process(2, "worker", "worker", "svc-billing", "")).type()).isEqualTo("service");
        assertThat(classify(rules, process(3, "nginx", "nginx", "www", "/usr/sbin/nginx")).type())
                .isEqualTo("load_balancer");
        assertThat(classify(rules, process(4, "nginx", "nginx", "www", "/usr/local/sbin/nginx")).type())
                .isEqualTo("app");
        assertThat(classify(rules, process(5, "acme.exe", "acme", "SYSTEM", "C:\\program files\\ACME\\acme.exe")))
                .isEqualTo(new NodeClassification("service", "Acme"));
        assertThat(classify(rules, process(6, "nginx", "nginx", null, "")).type()).isEqualTo("app"); // unknown exe and user
    }

    @Test
    void regexFlagsBesideIWork() throws Exception {
        RuleSet rules = RuleSet.parse("""
                - match_cmd: '/^--mode=server$/m'
                  type: multiline
                - match_cmd: '/begin.*end/s'
                  type: dotall
                - match_cmd: '/ d a t a  \\d+  # spaces and comments are ignored/x'
                  type: comments
                - match_name: '/^\\w+$/u'
                  type: unicode
                """, "rules.yaml");

        assertThat(classify(rules, process(1, "a", "run\n--mode=server\n")).type()).isEqualTo("multiline");
        assertThat(classify(rules, process(2, "a", "begin\nend")).type()).isEqualTo("dotall");
        assertThat(classify(rules, process(3, "a", "x data42")).type()).isEqualTo("comments");
        assertThat(classify(rules, process(4, "café", "")).type()).isEqualTo("unicode");
        assertThat(classify(rules, process(5, "café!", "")).type()).isEqualTo("app");
    }

    @Test
    void pythonNamedGroupsAndBackspacesFromDoubleQuotesAreUnderstood() throws Exception {
        RuleSet rules = RuleSet.parse("""
                - match_cmd: "/(?P<flag>--port)=(?P=flag)/"
                  type: repeated
                - match_cmd: "/\\bgunicorn\\b/"
                  type: service
                """, "rules.yaml");

        assertThat(classify(rules, process(1, "a", "x --port=--port")).type()).isEqualTo("repeated");
        assertThat(classify(rules, process(2, "python3", "python3 -m gunicorn app:app")).type()).isEqualTo("service");
        assertThat(classify(rules, process(3, "python3", "python3 -m gunicornx")).type()).isEqualTo("app");
    }

    @Test
    void aRegexThatBacktracksWithoutEndGivesUpInsteadOfStalling() throws Exception {
        RuleSet rules = RuleSet.parse("- match_cmd: '/^(a+)+$/'\n  type: never\n", "rules.yaml");
        ProcessInfo hostile = process(1, "x", "a".repeat(5000) + "!");

        long start = System.nanoTime();
        NodeClassification classification = classify(rules, hostile);

        assertThat(classification.type()).isEqualTo("app");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aRegexThatRecursesTooDeepGivesUpToo() throws Exception {
        RuleSet rules = RuleSet.parse("- match_cmd: '/^(.|\\s)*x$/'\n  type: never\n", "rules.yaml");

        assertThat(classify(rules, process(1, "java", "y".repeat(200_000))).type()).isEqualTo("app");
    }

    @Test
    void aLinearRegexStillMatchesAtTheEndOfAHugeCommandLine() throws Exception {
        RuleSet rules = RuleSet.parse("- match_cmd: '/\\bkafka\\.Kafka\\b/'\n  type: message_broker\n", "rules.yaml");
        String classpath = "/opt/kafka/libs/some-library-1.2.3.jar:".repeat(20_000); // 800k characters

        assertThat(classify(rules, process(1, "java", "java -cp " + classpath + " kafka.Kafka")).type())
                .isEqualTo("message_broker");
    }

    @Test
    void pathsWithFlagLettersStayPathsAndPythonGroupNamesMayHoldUnderscores() throws Exception {
        RuleSet rules = RuleSet.parse("""
                - match_exe: /usr/bin/sum
                  type: checksum
                - match_cmd: '/(?P<dev_port>--port)=(?P=dev_port)/'
                  type: repeated
                """, "rules.yaml");

        assertThat(classify(rules, process(1, "sum", "", "root", "/usr/bin/sum")).type()).isEqualTo("checksum");
        assertThat(classify(rules, process(2, "ls", "", "root", "/usr/bin/ls")).type()).isEqualTo("app");
        assertThat(classify(rules, process(3, "a", "x --port=--port")).type()).isEqualTo("repeated");
    }

    @Test
    void aStrayBackslashInJsonIsKeptToo() throws Exception {
        RuleSet rules = RuleSet.parse("[{\"match_cmd\": \"/--port\\s+(3000|5173)/i\", \"type\": \"service\"}]",
                "rules.json");

        assertThat(classify(rules, process(1, "node", "vite --port 5173")).type()).isEqualTo("service");
    }

    @Test
    void classificationsAreCachedPerProcessAndStartTime() throws Exception {
        RuleSet rules = RuleSet.parse("- match_name: postgres\n  type: database\n", "rules.yaml");
        ProcessInfo postgres = process(7, "postgres", "postgres");

        NodeClassification first = classify(rules, postgres);

        assertThat(classify(rules, process(7, "postgres", "postgres"))).isSameAs(first);
        ProcessInfo reused = new ProcessInfo(7, "bash", "bash", "root", Processes.STARTED.plusSeconds(60), "");
        assertThat(classify(rules, reused).type()).isEqualTo("app"); // pid 7 is another process now
        ProcessInfo execed = process(7, "psql", "psql"); // same pid and start, another program
        assertThat(classify(rules, execed).type()).isEqualTo("app");
    }

    @Test
    void portRulesSeeThePortsOfEachCall() throws Exception {
        RuleSet rules = RuleSet.parse("- match_port: 8080\n  type: service\n", "rules.yaml");
        ProcessInfo server = process(9, "java", "java -jar app.jar");

        assertThat(rules.classify(server, Set.of()).type()).isEqualTo("app");
        assertThat(rules.classify(server, Set.of(8080)).type()).isEqualTo("service");
        assertThat(rules.classify(server, Set.of()).type()).isEqualTo("app");
    }

    @Test
    void theFormatIsChosenByTheContent(@TempDir Path dir) throws Exception {
        Path jsonInTxt = Files.writeString(dir.resolve("rules.txt"), "[{\"match_name\": \"nginx\", \"type\": \"lb\"}]");
        Path yamlInJson = Files.writeString(dir.resolve("rules.json"), "- match_name: nginx\n  type: lb\n");
        Path yamlFlowList = Files.writeString(dir.resolve("rules.yaml"), "[{match_name: nginx, type: lb}]\n");

        for (Path file : new Path[] {jsonInTxt, yamlInJson, yamlFlowList}) {
            assertThat(classify(RuleSet.load(file), process(1, "nginx", "")).type()).as(file.toString())
                    .isEqualTo("lb");
        }
    }

    @Test
    void defaultRulesTypeWellKnownSoftware() {
        RuleSet defaults = RuleSet.defaults();

        assertThat(classify(defaults, process(1, "postgres", "postgres: checkpointer")).type()).isEqualTo("database");
        assertThat(classify(defaults, process(2, "mysqld", "/usr/sbin/mysqld")).type()).isEqualTo("database");
        assertThat(classify(defaults, process(3, "sqlservr.exe", "")).label()).isEqualTo("SQL Server");
        assertThat(classify(defaults, process(4, "redis-server", "redis-server *:6379")).type()).isEqualTo("cache");
        assertThat(classify(defaults, process(5, "memcached", "memcached -p 11211")).type()).isEqualTo("cache");
        assertThat(classify(defaults, process(6, "beam.smp", "beam.smp -- -root /usr/lib/erlang -s rabbit boot")))
                .isEqualTo(new NodeClassification("message_broker", "RabbitMQ"));
        assertThat(classify(defaults, process(7, "java", "java -Xmx1G -cp /opt/kafka/libs/* kafka.Kafka server.properties")))
                .isEqualTo(new NodeClassification("message_broker", "Kafka"));
        assertThat(classify(defaults, process(8, "mosquitto", "")).type()).isEqualTo("message_broker");
        assertThat(classify(defaults, process(9, "nginx", "nginx: master process")).type()).isEqualTo("load_balancer");
        assertThat(classify(defaults, process(10, "HAProxy.exe", "")).type()).isEqualTo("load_balancer");
        assertThat(classify(defaults, process(11, "envoy", "")).type()).isEqualTo("load_balancer");
        assertThat(classify(defaults, process(12, "java", "java org.apache.catalina.startup.Bootstrap start")))
                .isEqualTo(new NodeClassification("service", "Tomcat"));
        assertThat(classify(defaults, process(13, "gunicorn", "gunicorn app:app")).type()).isEqualTo("service");
        assertThat(classify(defaults, process(14, "QtWebEngineProcess", "")).type()).isEqualTo("qt_desktop");
        assertThat(classify(defaults, process(15, "java", "java -jar app.jar")))
                .isEqualTo(new NodeClassification("app", "java"));
        assertThat(classify(defaults, process(16, "firefox", "")).type()).isEqualTo("app");
    }

    @Test
    void aRuleSetSaysWhereItsRulesCameFrom() throws Exception {
        RuleSet rules = RuleSet.parse("- match_name: nginx\n  type: service\n", "rules.yaml");
        assertThat(rules).hasToString("RuleSet[1 rules from rules.yaml]");
        assertThat(rules.followedBy(RuleSet.empty())).isSameAs(rules);
        assertThat(RuleSet.empty()).hasToString("RuleSet[0 rules from no rules]");
        assertThat(rules.followedBy(RuleSet.defaults()).toString()).startsWith("RuleSet[" + (1 + RuleSet.defaults().size())
                + " rules from rules.yaml, then built-in default-rules.yaml]");
    }

    @Test
    void userRulesComeBeforeTheDefaults() throws Exception {
        RuleSet rules = RuleSet.parse("- match_name: nginx\n  type: service\n  label: Web\n", "rules.yaml")
                .followedBy(RuleSet.defaults());

        assertThat(classify(rules, process(1, "nginx", ""))).isEqualTo(new NodeClassification("service", "Web"));
        assertThat(classify(rules, process(2, "haproxy", "")).type()).isEqualTo("load_balancer");
        assertThat(rules.size()).isEqualTo(1 + RuleSet.defaults().size());
        assertThat(RuleSet.empty().followedBy(RuleSet.defaults()).size()).isEqualTo(RuleSet.defaults().size());
        assertThat(classify(RuleSet.empty(), process(3, "nginx", ""))).isEqualTo(new NodeClassification("app", "nginx"));
    }
}
