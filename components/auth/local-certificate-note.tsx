import { focusRing } from "@/components/ui/focus-ring";

/**
 * The one step of a first run that the browser makes the person take: the local sign-in server's certificate was made
 * on this machine, so the browser warns before it first shows the sign-in page. A plain link to the server's own page
 * (lib/dev/signin/pages.ts), which links back here, lets them take that step before pressing Sign in.
 */
export function LocalCertificateNote({ authority }: { authority: string }) {
  const serverRoot = `${new URL(authority).origin}/`;
  return (
    <p className="mt-4 text-sm text-slate-700 dark:text-slate-300" data-testid="local-certificate-note">
      The local sign-in server uses a certificate made on this machine, so your browser warns about it once:{" "}
      <a href={serverRoot} className={`text-blue-700 underline dark:text-blue-300 ${focusRing}`}>
        open the local sign-in server
      </a>
      , accept its certificate, and come back here to sign in.
    </p>
  );
}
