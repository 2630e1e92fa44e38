package io.cdcharness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cucumber's HTML and timeline reports embed their run and cannot be joined: a merge copies each shard's
 * under {@code shards/<shard>/} and writes {@code cucumber.html} and {@code cucumber-timeline/index.html} as
 * lists of them, so the CDC report's links lead somewhere.
 */
final class CucumberHtmlIndex {
    private CucumberHtmlIndex() {
    }

    static void write(List<ShardReports> inputs, Path into) throws IOException {
        StringBuilder reports = new StringBuilder();
        StringBuilder timelines = new StringBuilder();
        Set<String> names = new HashSet<>();
        for (ShardReports input : inputs) {
            String wanted = input.manifest().map(m -> "shard-" + m.index() + "-of-" + m.count())
                    .orElse(input.dir().toAbsolutePath().normalize().getFileName().toString());
            String name = wanted;
            for (int i = 2; !names.add(name); i++) {
                name = wanted + "-" + i;
            }
            Path copy = into.resolve(ReportMerge.SHARD_COPIES).resolve(name);
            String label = Html.escape(input.describe());
            if (Files.isRegularFile(input.dir().resolve("cucumber.html"))) {
                Files.createDirectories(copy);
                Files.copy(input.dir().resolve("cucumber.html"), copy.resolve("cucumber.html"));
                reports.append("<li><a href=\"").append(ReportMerge.SHARD_COPIES).append('/').append(Html.escape(name))
                        .append("/cucumber.html\">").append(label).append("</a></li>\n");
            } else {
                reports.append("<li>").append(label).append(": no Cucumber HTML report</li>\n");
            }
            if (Files.isDirectory(input.dir().resolve("cucumber-timeline"))) {
                ReportMerge.copyTree(input.dir().resolve("cucumber-timeline"), copy.resolve("cucumber-timeline"));
                timelines.append("<li><a href=\"../").append(ReportMerge.SHARD_COPIES).append('/').append(Html.escape(name))
                        .append("/cucumber-timeline/index.html\">").append(label).append("</a></li>\n");
            } else {
                timelines.append("<li>").append(label).append(": no Cucumber timeline</li>\n");
            }
        }
        Files.writeString(into.resolve("cucumber.html"), page("Cucumber's reports of the shards", reports, "index.html"));
        Files.createDirectories(into.resolve("cucumber-timeline"));
        Files.writeString(into.resolve("cucumber-timeline/index.html"), page("Cucumber's timelines of the shards", timelines, "../index.html"));
    }

    private static String page(String title, CharSequence items, String cdcReport) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>\n<body>\n<h1>" + title
                + "</h1>\n<p>Cucumber's own reports cannot be joined; here is each shard's. All scenarios together are in "
                + "<a href=\"" + cdcReport + "\">the CDC report</a> and in the joined cucumber.json and cucumber-junit.xml.</p>\n<ul>\n"
                + items + "</ul>\n</body></html>\n";
    }
}
