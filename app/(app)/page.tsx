import { SignInGate } from "@/components/auth/sign-in-gate";
import { Dashboard } from "@/components/dashboard/dashboard";

export default function DashboardPage() {
  return (
    <SignInGate>
      <Dashboard />
    </SignInGate>
  );
}
