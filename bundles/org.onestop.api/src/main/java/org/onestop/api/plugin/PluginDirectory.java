package org.onestop.api.plugin;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The plugins the platform has bound right now, of every kind (已加载插件). In the distribution the list
 * follows jars dropped into, and removed from, the base's {@code plugins/} folder.
 */
@ProviderType
public interface PluginDirectory {

    /** Every bound plugin, ordered by kind and id. */
    List<PluginInfo> plugins();
}
