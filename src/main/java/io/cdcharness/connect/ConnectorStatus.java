package io.cdcharness.connect;

import java.util.List;
import java.util.Optional;

/**
 * What {@code GET /connectors/{name}/status} says: the connector's state and each task's, with the
 * stack trace Connect keeps for a failed one.
 */
public record ConnectorStatus(String name, String state, String workerId, String trace, List<TaskStatus> tasks) {

    public record TaskStatus(int id, String state, String workerId, String trace) {
        public boolean isRunning() {
            return "RUNNING".equals(state);
        }
    }

    public boolean isRunning() {
        return "RUNNING".equals(state);
    }

    /** RUNNING with at least one task, and every task RUNNING. */
    public boolean isFullyRunning() {
        return isRunning() && !tasks.isEmpty() && tasks.stream().allMatch(TaskStatus::isRunning);
    }

    public Optional<TaskStatus> failedTask() {
        return tasks.stream().filter(task -> "FAILED".equals(task.state())).findFirst();
    }

    public boolean hasFailed() {
        return "FAILED".equals(state) || failedTask().isPresent();
    }

    /** One line per part, with the trace's first lines for failed parts. */
    public String describe() {
        StringBuilder text = new StringBuilder("connector ").append(name).append(": ").append(state);
        appendTrace(text, trace);
        if (tasks.isEmpty()) {
            text.append("\n  no tasks yet");
        }
        for (TaskStatus task : tasks) {
            text.append("\n  task ").append(task.id()).append(": ").append(task.state());
            appendTrace(text, task.trace());
        }
        return text.toString();
    }

    private static void appendTrace(StringBuilder text, String trace) {
        if (trace == null || trace.isBlank()) {
            return;
        }
        List<String> lines = trace.lines().toList();
        int shown = Math.min(lines.size(), 12);
        text.append("\n    trace:");
        lines.subList(0, shown).forEach(line -> text.append("\n      ").append(line));
        if (lines.size() > shown) {
            text.append("\n      ... ").append(lines.size() - shown).append(" more lines (GET /connectors/")
                    .append("{name}/status shows all)");
        }
    }
}
