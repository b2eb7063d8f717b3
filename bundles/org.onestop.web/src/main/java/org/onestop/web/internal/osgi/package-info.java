/**
 * Adapts OSGi Declarative Services and the Servlet Whiteboard: the component that wires the platform services
 * into the API and registers it at {@code /api/v1/*}, and the one that answers 503 there, at the lowest ranking,
 * while the API is not registered. Nothing here is exported.
 */
package org.onestop.web.internal.osgi;
