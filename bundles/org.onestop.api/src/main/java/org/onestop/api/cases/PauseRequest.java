package org.onestop.api.cases;

import org.onestop.api.catalog.SpecialProcedure;

/**
 * Starting a special procedure (特别程序), which stops the clock until it is resumed. The item must list
 * the procedure.
 *
 * @param procedure 现场踏勘, 专家评审, 听证, 检验检测 or 公示 (required)
 * @param reason    why (required)
 * @param act       who starts it, where and when
 */
public record PauseRequest(SpecialProcedure procedure, String reason, ActDetails act) {
}
