package it.sportello.channel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownLiteTest {

  private static final String REPLY =
      """
      Gentile utente, **la pratica** è *pronta*.

      - primo punto
      - secondo con [il modulo](https://comune.example/modulo)

      Scriva a [info@comune.example](mailto:info@comune.example)
      <script>alert('x')</script> <b onclick="x()">ciao</b> [male](javascript:alert(1))""";

  @Test
  void plainTextDropsTheMarkersAndKeepsLinksAsTextAndUrl() {
    String text = MarkdownLite.plainText(REPLY);

    assertThat(text)
        .doesNotContain("**")
        .doesNotContain("*pronta*")
        .contains("Gentile utente, la pratica è pronta.")
        .contains("- primo punto\n- secondo con il modulo (https://comune.example/modulo)")
        .contains("Scriva a info@comune.example\n");
  }

  @Test
  void htmlHasTheFormattingAndNoneOfTheOperatorsHtml() {
    String html = MarkdownLite.html(REPLY);

    assertThat(html)
        .contains("<strong>la pratica</strong>")
        .contains("<em>pronta</em>")
        .contains("<li>primo punto</li>")
        .contains("href=\"https://comune.example/modulo\"")
        .doesNotContain("<script")
        .doesNotContain("<b ");
    // read as a browser would: no script, no event handler, no javascript: link
    org.jsoup.nodes.Document parsed = org.jsoup.Jsoup.parseBodyFragment(html);
    assertThat(parsed.select("script")).isEmpty();
    assertThat(parsed.select("*").stream().flatMap(e -> e.attributes().asList().stream()))
        .noneMatch(attribute -> attribute.getKey().startsWith("on"));
    assertThat(parsed.select("a[href]").eachAttr("href"))
        .containsExactly("https://comune.example/modulo", "mailto:info@comune.example");
    // the operator's tags are shown as text, escaped
    assertThat(html).contains("&lt;script&gt;");
  }
}
