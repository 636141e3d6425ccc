import { render, screen } from '@testing-library/react';
import { Markdown } from '../components/Markdown';
import { markdownToText, renderMarkdown, snippetHtml } from './markdown';

describe('Markdown', () => {
  it('renders headings, emphasis, lists and links, the headings below the page title', () => {
    render(
      <Markdown
        source={
          '## Come pagare\n\nPaga con **F24** o *PagoPA*:\n\n- online\n- in banca\n\n[Portale](https://www.example.it/tari)'
        }
      />,
    );
    expect(screen.getByRole('heading', { level: 3, name: 'Come pagare' })).toBeInTheDocument();
    expect(screen.getByText('F24').tagName).toBe('STRONG');
    expect(screen.getByText('PagoPA').tagName).toBe('EM');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Portale' })).toHaveAttribute('href', 'https://www.example.it/tari');
    expect(document.body.textContent).not.toContain('**');
    expect(document.body.textContent).not.toContain('##');
  });

  it('drops scripts, event handlers and javascript: links written in the Markdown', () => {
    const html = renderMarkdown(
      'Testo <script>window.hacked = 1</script>\n\n<img src="x" onerror="window.hacked = 2">\n\n[clic](javascript:alert(1)) <a href="#" onclick="x()">a</a>',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toMatch(/onclick/i);
    expect(html).not.toMatch(/javascript:/i);
    render(<Markdown source={'<img src="x" onerror="window.hacked = 2"><script>window.hacked = 1</script>'} />);
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
    expect(document.querySelector('script')).toBeNull();
  });

  it('turns an article into plain text for a reply, one line per paragraph and list item', () => {
    expect(
      markdownToText(
        '## Dove\n\nAllo **sportello** tributi:\n\n- lunedì\n- giovedì\n\nVedi [il portale](https://www.example.it).',
      ),
    ).toBe('Dove\nAllo sportello tributi:\n- lunedì\n- giovedì\nVedi il portale (https://www.example.it).');
  });

  it('shows snippets without markup, keeping only the highlights', () => {
    const html = snippetHtml(
      '## Pagamento\n**Paga** la <mark>TARI</mark> con [F24](https:&#x2F;&#x2F;example.it) &lt;img src=x onerror=alert(1)&gt; <b onclick="x()">b</b>',
    );
    const container = document.createElement('p');
    container.innerHTML = html;
    expect(container.textContent).toBe('Pagamento Paga la TARI con F24 <img src=x onerror=alert(1)> b');
    expect(container.querySelectorAll('mark')).toHaveLength(1);
    expect(container.querySelector('img, b')).toBeNull();
    expect(html).not.toContain('**');
    expect(html).not.toContain('##');
  });
});
