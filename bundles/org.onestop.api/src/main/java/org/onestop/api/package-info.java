/**
 * OneStop's shared vocabulary: the errors every service reports, with the field and the rule broken.
 */
@Export
@Version("1.1.0")
package org.onestop.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
