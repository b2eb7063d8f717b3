/**
 * First-inquiry responsibility (首问负责制): the first clerk an applicant asks owns the inquiry until it is
 * handed to the right window.
 */
@Export
@Version("1.0.0")
package org.onestop.api.inquiry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
