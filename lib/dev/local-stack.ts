import { startSimulator, type RunningSimulator } from "./simulator/server";
import { demoWatchList } from "./demo-operations";
import { localAppEnv } from "./local-app-env";
import { startSigninServer, type RunningSigninServer } from "./signin/server";

/**
 * The offline stand-ins for Entra ID and Azure, wired together: the simulator trusts exactly the tokens the local
 * sign-in server issues. Used by `npm run demo` and by the e2e tests, so both exercise the same setup.
 */
export interface LocalStackOptions {
  appOrigin: string;
  simulatorPort: number;
  signinPort: number;
  seedDemo: boolean;
  accessTokenTtlSeconds?: number;
}

export interface LocalStack {
  simulator: RunningSimulator;
  signin: RunningSigninServer;
  /** The environment that points the app at this stack. */
  appEnv: Record<string, string>;
  close(): Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const signin = await startSigninServer({
    port: options.signinPort,
    appOrigins: [options.appOrigin],
    ...(options.accessTokenTtlSeconds === undefined ? {} : { accessTokenTtlSeconds: options.accessTokenTtlSeconds }),
  });
  let simulator: RunningSimulator;
  try {
    simulator = await startSimulator({
      port: options.simulatorPort,
      auth: { issuer: signin.issuer, jwks: signin.jwks },
      seedDemo: options.seedDemo,
    });
  } catch (error) {
    await signin.close();
    throw error;
  }
  return {
    simulator,
    signin,
    appEnv: localAppEnv({
      appOrigin: options.appOrigin,
      simulatorOrigin: simulator.url,
      issuer: signin.issuer,
      demoOperations: options.seedDemo ? demoWatchList(simulator.url) : [],
    }),
    close: async () => {
      await Promise.allSettled([simulator.close(), signin.close()]);
    },
  };
}
