// The one custom element the portal renders: the ALTCHA proof-of-work widget on the ask form.
import 'preact';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'altcha-widget': {
        challenge: string;
        name: string;
        language?: string;
        auto?: 'off' | 'onfocus' | 'onload' | 'onsubmit';
        'data-worker'?: string;
      };
    }
  }
}
