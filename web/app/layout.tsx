import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { DocumentTitle } from "../components/document-title";
import { SiteFooter } from "../components/site-footer";
import { SiteHeader } from "../components/site-header";
import { I18nProvider } from "../lib/i18n";
import { LOCALES, MESSAGES } from "../messages";
import { LOCALE_BOOTSTRAP } from "../lib/locale-bootstrap";
import "./globals.css";

export const metadata: Metadata = {
  // The tab's title follows each page's heading once it runs (components/document-title.tsx).
  title: "BLING — Referenda of your municipality",
  description: "Vote anonymously in your municipality's referenda and check every result yourself.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }): ReactNode {
  return (
    // The head's script sets lang (and may hide the page) before hydration: not a mismatch to report.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: LOCALE_BOOTSTRAP }} />
      </head>
      <body>
        {/* Without scripts nothing here works (keys, proofs and checks run in the browser): said in every language. */}
        <noscript>
          {LOCALES.map((locale) => (
            <p key={locale} lang={locale} className="notice notice--error">
              {MESSAGES[locale]["site.noscript"]}
            </p>
          ))}
        </noscript>
        <I18nProvider>
          <SiteHeader />
          <main id="main" className="site-main" tabIndex={-1}>
            {/* Pages that are only text render in the static HTML; pages with forms wait for their scripts (AfterHydration). */}
            {children}
          </main>
          <SiteFooter />
          <DocumentTitle />
        </I18nProvider>
      </body>
    </html>
  );
}
