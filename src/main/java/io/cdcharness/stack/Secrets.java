package io.cdcharness.stack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides what is secret and masks it, for everything the harness writes: log
 * lines, failure messages, evidence folders, reports, {@code up}'s printout and {@code doctor}'s echo.
 *
 * <p>A key is secret when it contains {@code password}, {@code secret} or {@code token}, or ends with
 * {@code sasl.jaas.config} or {@code basic.auth.user.info} (any case). Its value is shown as
 * {@value #MASK}. Secret values the harness has seen (in connector fixtures, override tables, the
 * database endpoint) are remembered, so that free text is masked too: a value of 6 characters or more
 * is masked wherever it appears; a shorter one (the seed's {@code root}) only where it follows a secret
 * key ({@code database.password=root}, {@code "database.password": "root"}) or {@code IDENTIFIED BY},
 * because masking every {@code root} would also mask the user {@code root} and paths under {@code /root}.
 *
 * <pre>{@code
 * Secrets.mask("database.password", "s3cret");        // "********"
 * Secrets.maskConfig(config);                         // a copy with every secret value masked
 * Secrets.remember("s3cret-and-long");                // from now on masked in free text too
 * Secrets.scrub("login with s3cret-and-long failed");  // "login with ******** failed"
 * }</pre>
 */
public final class Secrets {
    /** What a masked value looks like. */
    public static final String MASK = "********";
    /** Values at least this long are masked wherever they appear in free text. */
    public static final int MIN_FREE_TEXT_LENGTH = 6;

    private static final Set<String> REMEMBERED = ConcurrentHashMap.newKeySet();
    private static volatile List<String> longestFirst = List.of();

    private static final String KEY = "[A-Za-z0-9_.\\-]*(?i:password|secret|token|sasl\\.jaas\\.config|basic\\.auth\\.user\\.info|pwd)[A-Za-z0-9_.\\-]*";
    private static final String VALUE = "(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|\\[hidden\\]|[^\\s,;&}\\]\"'<>)]+)";
    /** {@code "key": value} in JSON, where the key is secret. */
    private static final Pattern JSON_KEY_VALUE = Pattern.compile("(\"" + KEY + "\"\\s*:\\s*)" + VALUE);
    /** {@code key=value} and {@code key = value} (properties, URLs, Connect's and Debezium's config logs), where the key is secret. */
    private static final Pattern KEY_VALUE = Pattern.compile("(?<![A-Za-z0-9_.\\-])(" + KEY + "\\s*=\\s*)" + VALUE);
    /** {@code IDENTIFIED BY 'x'} and {@code IDENTIFIED WITH plugin BY 'x'} in SQL. */
    private static final Pattern IDENTIFIED_BY = Pattern.compile("(?i)(IDENTIFIED\\s+(?:WITH\\s+\\S+\\s+)?BY\\s+)('(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.)*\")");
    /** The password in a URL's user info: {@code scheme://user:password@host}. */
    private static final Pattern USER_INFO_URL = Pattern.compile("(://[^/\\s:@]+:)([^/\\s@]+)(@)");

    private Secrets() {
    }

    /** True for keys whose values must never show (see the class comment). */
    public static boolean isSecretKey(String key) {
        if (key == null) {
            return false;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("token")
                || lower.endsWith("sasl.jaas.config") || lower.endsWith("basic.auth.user.info");
    }

    /** The value, or {@value #MASK} when the key is secret (null stays {@code "null"}). */
    public static String mask(String key, String value) {
        if (value != null && isSecretKey(key)) {
            remember(value);
            return MASK;
        }
        return String.valueOf(value);
    }

    /** A copy of the config, in the same order, with every secret value masked. Remembers the secrets it masks. */
    public static Map<String, String> maskConfig(Map<String, String> config) {
        Map<String, String> masked = new LinkedHashMap<>();
        config.forEach((key, value) -> masked.put(key, value == null ? null : mask(key, value)));
        return masked;
    }

    /** Remembers the secret values of a config (fixture, override table, resolved config), so that free text is masked too. */
    public static void rememberConfig(Map<String, String> config) {
        config.forEach((key, value) -> {
            if (isSecretKey(key)) {
                remember(value);
            }
        });
    }

    /** Remembers one secret value; blank values are ignored. */
    public static void remember(String value) {
        if (value == null || value.isBlank() || MASK.equals(value)) {
            return;
        }
        if (REMEMBERED.add(value)) {
            List<String> sorted = new ArrayList<>(REMEMBERED);
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            longestFirst = List.copyOf(sorted);
        }
    }

    /**
     * Free text with every secret masked: remembered values of {@value #MIN_FREE_TEXT_LENGTH} characters
     * or more wherever they appear (also JSON-escaped), and any value after a secret key, after
     * {@code IDENTIFIED BY}, or in the user-info part of a URL.
     */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : longestFirst) {
            if (secret.length() >= MIN_FREE_TEXT_LENGTH) {
                result = replaceAll(result, secret);
                String escaped = jsonEscaped(secret);
                if (!escaped.equals(secret)) {
                    result = replaceAll(result, escaped);
                }
            }
        }
        if (mayHaveKeyedSecret(result)) {
            result = maskKeyValues(result);
            result = IDENTIFIED_BY.matcher(result).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "'" + MASK + "'"));
            result = USER_INFO_URL.matcher(result).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK + match.group(3)));
        }
        return result;
    }

    /** True when the text holds a remembered secret or something a secret key would mask (for tests and checks). */
    public static boolean containsSecret(String text) {
        return text != null && !scrub(text).equals(text);
    }

    private static boolean mayHaveKeyedSecret(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("token") || lower.contains("jaas")
                || lower.contains("user.info") || lower.contains("identified") || lower.contains("pwd") || text.contains("@");
    }

    private static String maskKeyValues(String text) {
        return maskValues(JSON_KEY_VALUE, maskValues(KEY_VALUE, text));
    }

    private static String maskValues(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group(2);
            String replacement;
            if (value.equals(MASK) || value.equals("\"" + MASK + "\"") || value.equals("'" + MASK + "'") || value.equals("[hidden]")
                    || value.equals("null") || value.equals("\"\"") || value.equals("true") || value.equals("false")) {
                replacement = matcher.group();
            } else {
                String quote = value.startsWith("\"") ? "\"" : value.startsWith("'") ? "'" : "";
                replacement = matcher.group(1) + quote + MASK + quote;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String replaceAll(String text, String secret) {
        int at = text.indexOf(secret);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (at >= 0) {
            out.append(text, from, at).append(MASK);
            from = at + secret.length();
            at = text.indexOf(secret, from);
        }
        return out.append(text, from, text.length()).toString();
    }

    private static String jsonEscaped(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Forgets every remembered value (for tests). */
    static void forgetAll() {
        REMEMBERED.clear();
        longestFirst = List.of();
    }
}
