package org.onestop.web.internal.osgi;

import jakarta.servlet.Servlet;
import org.onestop.web.internal.servlet.UnavailableServlet;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Registers the {@link UnavailableServlet} at the API's own pattern, {@code /api/v1/*}, with the lowest
 * service ranking there is; {@link ApiServletComponent} keeps the default ranking, 0. When two whiteboard
 * servlets of one context claim the same pattern, the one of higher ranking is served and the other is
 * shadowed (reported with {@code FAILURE_REASON_SHADOWED_BY_OTHER_SERVICE}); when the higher one goes away, the
 * shadowed one is activated again (Servlet Whiteboard, OSGi Compendium 8.1 chapter 140; Felix HTTP's
 * {@code ServletRegistry} does exactly this). So the API answers whenever its services are there, and this
 * component, which references nothing and is always active, answers 503 in JSON whenever they are not: during
 * the start-up, while the core restarts after a change of its settings, or while a bad setting keeps it down.
 */
@Component(service = Servlet.class,
        property = Constants.SERVICE_RANKING + ":Integer=" + UnavailableServletComponent.RANKING)
@HttpWhiteboardServletName("org.onestop.web.unavailable")
@HttpWhiteboardServletPattern("/api/v1/*")
public final class UnavailableServletComponent extends UnavailableServlet {

    private static final long serialVersionUID = 1L;

    /** Below every other servlet at the same pattern, whatever its ranking. */
    static final int RANKING = Integer.MIN_VALUE;
}
