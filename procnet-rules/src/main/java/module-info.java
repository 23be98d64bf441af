/**
 * Node-typing rules: the rule files of the original tool (YAML or JSON) with precise errors,
 * a built-in default rule set, and rules that reload when their file changes.
 */
module io.procnet.rules {
    requires transitive io.procnet.core;
    requires org.yaml.snakeyaml;
    requires com.fasterxml.jackson.core;

    exports io.procnet.rules;
}
