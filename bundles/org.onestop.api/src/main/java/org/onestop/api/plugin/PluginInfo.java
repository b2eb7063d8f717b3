package org.onestop.api.plugin;

/**
 * A plugin the platform has bound, as administrators see it.
 *
 * @param kind  the plugin interface's simple name, for example {@code CaseListener}
 * @param id    the plugin's id
 * @param label the plugin's label
 */
public record PluginInfo(String kind, String id, String label) {
}
