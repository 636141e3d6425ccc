// The entry of /chat/widget.js: the service's address is the script's own origin; the language
// the tag's data-lang, else the page's.
import { ChatWidget } from './widget';

const script = document.currentScript as HTMLScriptElement | null;
const base = script ? new URL(script.src).origin : location.origin;
const language = (script?.dataset.lang || document.documentElement.lang || 'it').slice(0, 2);

function mount() {
  new ChatWidget(base, language);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
