package org.giscamel.http;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records everything a logger tree writes at DEBUG and above, including exception chains, while open. */
public final class LogCapture implements AutoCloseable {

    /** One line as {@link #lines()} has it, and the MDC it was logged with. */
    public record Line(String text, Map<String, String> mdc) {
    }

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Line> withMdc = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final String loggerName;
    private final AbstractAppender appender;

    private LogCapture(String loggerName) {
        this.loggerName = loggerName;
        this.appender = new AbstractAppender("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " "
                        + event.getMessage().getFormattedMessage());
                for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                    line.append(" | ").append(t);
                }
                lines.add(line.toString());
                withMdc.add(new Line(line.toString(), Map.copyOf(event.getContextData().toMap())));
            }
        };
        appender.start();
        Configuration config = context.getConfiguration();
        config.addAppender(appender);
        LoggerConfig logger = new LoggerConfig(loggerName, Level.DEBUG, true);
        logger.addAppender(appender, Level.DEBUG, null);
        config.addLogger(loggerName, logger);
        context.updateLoggers();
    }

    /** Starts capturing {@code loggerName} and everything below it. */
    public static LogCapture debug(String loggerName) {
        return new LogCapture(loggerName);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public List<Line> linesWithMdc() {
        return List.copyOf(withMdc);
    }

    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        config.removeLogger(loggerName);
        context.updateLoggers();
        appender.stop();
    }
}
