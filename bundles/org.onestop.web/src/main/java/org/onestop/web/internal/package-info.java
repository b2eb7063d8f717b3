/**
 * The JSON API of {@code /api/v1} in plain Java: the routes, the views and bodies, the error body, and the
 * shipped {@code openapi.json} that describes them. No servlet or OSGi type appears here. Nothing is exported.
 */
package org.onestop.web.internal;
