/**
 * The interfaces an integrator implements in a plugin jar. They carry no OSGi type: the same jar is
 * found by {@link java.util.ServiceLoader} in the SDK and as an OSGi service in the distribution.
 */
@Export
@Version("1.1.0")
package org.onestop.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
