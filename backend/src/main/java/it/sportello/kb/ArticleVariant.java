package it.sportello.kb;

/** An article in one language. {@code body} is Markdown. */
public record ArticleVariant(String language, String title, String summary, String body) {}
