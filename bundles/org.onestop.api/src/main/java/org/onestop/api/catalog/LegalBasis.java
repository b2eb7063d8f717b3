package org.onestop.api.catalog;

/**
 * A legal basis of an item (设定依据): the law, regulation or normative document and its article.
 *
 * @param document the document's title, for example {@code 《中华人民共和国行政许可法》}
 * @param article  the article, for example {@code 第四十二条}; may be null
 */
public record LegalBasis(String document, String article) {
}
