package org.onestop.core.internal.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@code bin/onestop admin}: the command's words ({@code people}, {@code token issue})
 * followed by options, {@code --name value} or {@code --name=value}. Each command declares the options it
 * takes; anything else is refused with the command's usage line.
 */
final class Arguments {

    /** Options that take no value. */
    static final Set<String> FLAGS = Set.of("--password-stdin");

    private final String command;
    private final List<String> rest;
    private final Map<String, List<String>> options = new LinkedHashMap<>();

    private Arguments(String command, List<String> rest) {
        this.command = command;
        this.rest = rest;
    }

    /** What a command accepts: the options it requires, those it allows, and those that may be repeated. */
    record Spec(String name, String synopsis, String summary, List<String> required, List<String> optional,
            Set<String> repeatable) {

        String usage() {
            return "用法：onestop admin " + name + " " + synopsis;
        }

        boolean takes(String option) {
            return required.contains(option) || optional.contains(option);
        }
    }

    /** Splits the words of the command (an empty command when none was given) from what follows them. */
    static Arguments parse(String[] args) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < args.length && !args[i].startsWith("--")) {
            words.add(args[i++]);
        }
        List<String> rest = List.of(args).subList(i, args.length);
        if (rest.stream().anyMatch(arg -> "--password".equals(arg) || arg.startsWith("--password="))) {
            throw new Invalid("密码不能写在命令行上（其他用户可以看到），请在提示时输入，或使用 --password-stdin");
        }
        return new Arguments(String.join(" ", words), rest);
    }

    String command() {
        return command;
    }

    /**
     * Reads the options as the command declares them; refuses any it does not take, repeats of single ones,
     * and missing or blank required ones.
     */
    void check(Spec spec) {
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (!arg.startsWith("--")) {
                throw new Invalid("多余的参数“" + arg + "”（参数值含空格时请加引号）。" + spec.usage());
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!spec.takes(name)) {
                throw new Invalid("命令 " + spec.name() + " 不接受参数 " + name + "。" + spec.usage());
            }
            String value;
            if (FLAGS.contains(name)) {
                if (equals >= 0) {
                    throw new Invalid("参数 " + name + " 不带取值");
                }
                value = "";
            } else if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < rest.size() && !rest.get(i + 1).startsWith("--")) {
                value = rest.get(++i);
            } else {
                throw new Invalid("参数 " + name + " 缺少取值");
            }
            if (!FLAGS.contains(name) && value.isBlank()) {
                throw new Invalid("参数 " + name + " 不能为空");
            }
            List<String> values = options.computeIfAbsent(name, k -> new ArrayList<>());
            if (!values.isEmpty() && !spec.repeatable().contains(name)) {
                throw new Invalid("参数 " + name + " 只能给一次");
            }
            values.add(value);
        }
        for (String name : spec.required()) {
            if (!options.containsKey(name)) {
                throw new Invalid("缺少参数 " + name + "。" + spec.usage());
            }
        }
    }

    /** The value of a single option, or null when absent. */
    String get(String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(0);
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    /** A mistake in the command line: answered with one line (and the usage), exit code 2. */
    static final class Invalid extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }
}
