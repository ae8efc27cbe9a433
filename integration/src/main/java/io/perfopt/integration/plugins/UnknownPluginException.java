package io.perfopt.integration.plugins;

/** No plugin of that id is loaded; the API answers 404. */
public final class UnknownPluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pluginId;

    public UnknownPluginException(String pluginId) {
        super("no plugin " + pluginId + " is loaded", null, false, false);
        this.pluginId = pluginId;
    }

    /** The id asked for. */
    public String pluginId() {
        return pluginId;
    }
}
