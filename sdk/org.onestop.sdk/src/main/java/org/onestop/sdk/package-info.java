/**
 * The OneStop SDK: the platform's catalog, calendar and case services for a Java program that embeds
 * them (a provincial platform, a data exchange), with no OSGi framework. Start at
 * {@link org.onestop.sdk.OneStop#builder()}; {@code examples/org.onestop.example.embedding} shows a
 * whole program.
 */
package org.onestop.sdk;
