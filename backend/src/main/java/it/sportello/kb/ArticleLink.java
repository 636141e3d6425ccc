package it.sportello.kb;

/** A link from an article to a web page, an office or another article. */
public record ArticleLink(LinkKind kind, String target, String label) {}
