package io.perfopt.engine.command;

/**
 * The answer to a command.
 *
 * @param accepted whether it was carried out
 * @param message  what was done, or why not
 */
public record CommandResult(boolean accepted, String message) {

    public static CommandResult ok(String message) {
        return new CommandResult(true, message);
    }

    public static CommandResult refused(String message) {
        return new CommandResult(false, message);
    }
}
