package eu.haven.web.page.algorithm;

import eu.haven.core.algorithm.AlgorithmRegister;
import eu.haven.web.i18n.Messages;
import eu.haven.web.page.PageKit;
import eu.haven.web.page.PageText;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public algorithm register at {@code /algorithms}: every automated procedure Haven runs and
 * any the city adds, with what it is for, the data it uses, who oversees it, its risks, and, for
 * Haven's own, the rules the code applies and the values they run with here. No sign-in, no cookie.
 */
public final class AlgorithmPages {
    private final PageKit kit;
    private final AlgorithmRegister register;
    private final Messages messages = Messages.bundled();

    public AlgorithmPages(PageKit kit, AlgorithmRegister register) {
        this.kit = kit;
        this.register = register;
    }

    public void register(RoutesConfig routes) {
        routes.get("/algorithms", ctx -> {
            PageText t = kit.text(ctx, List.of(messages), Optional.empty());
            kit.render(ctx, 200, "page/algorithm/register.jte", Map.of("f", kit.publicFrame(ctx, t, messages, t.t("algorithms.title")),
                "t", t, "entries", register.entries()));
        });
    }
}
