/**
 * People, roles and access (人员、角色与权限): who may do what in a center. A person holds role grants,
 * each scoped to a center and, for window and review roles, to a department; an integration client
 * holds a bearer token whose scope names its permissions. Every act is checked against the
 * {@link org.onestop.api.access.Principal} doing it.
 */
@Export
@Version("1.1.0")
package org.onestop.api.access;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
