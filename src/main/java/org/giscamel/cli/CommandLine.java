package org.giscamel.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dispatches the first argument to a command; an unknown command prints the usage and exits 2. */
public final class CommandLine {

    /** One sub-command of the executable jar. */
    public interface Command {
        String usage();

        /** Runs the command and returns the process exit code. */
        int run(List<String> args) throws Exception;
    }

    /** Exit code for bad arguments or configuration, as distinct from a failed run (1). */
    public static final int USAGE_ERROR = 2;

    private CommandLine() {
    }

    static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("run", new RunCommand());
        commands.put("emulators", new EmulatorsCommand());
        commands.put("check-config", new CheckConfigCommand());
        commands.put("create-site", new CreateSiteCommand());
        commands.put("join-site", new JoinSiteCommand());
        commands.put("leave-site", new LeaveSiteCommand());
        commands.put("reconcile-site", new ReconcileSiteCommand());
        commands.put("harvest", new HarvestCommand());
        return commands;
    }

    public static int execute(String[] args) {
        Map<String, Command> commands = commands();
        String name = args.length == 0 ? "run" : args[0];
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
            printUsage(System.out, commands);
            return 0;
        }
        Command command = commands.get(name);
        if (command == null) {
            System.err.println("Unknown command '" + name + "'.");
            printUsage(System.err, commands);
            return USAGE_ERROR;
        }
        try {
            return command.run(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.println("Usage: java -jar gis-camel-routes.jar " + command.usage());
            return USAGE_ERROR;
        } catch (org.giscamel.config.ConfigurationException e) {
            System.err.println(e.getMessage());
            return USAGE_ERROR;
        } catch (Exception e) {
            System.err.println(name + " failed: " + causes(e));
            return 1;
        }
    }

    /** The message and each distinct cause's message, so a wrapped failure still says what went wrong. */
    static String causes(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !text.toString().contains(message)) {
                text.append(": ").append(message);
            }
        }
        return text.toString();
    }

    private static void printUsage(PrintStream out, Map<String, Command> commands) {
        out.println("Usage: java -jar gis-camel-routes.jar <command> [options]");
        commands.values().forEach(c -> out.println("  " + c.usage()));
        out.println("  help");
    }
}
