import { SignedInView } from "@/components/auth/signed-in-view";

export default function DashboardPage() {
  return <SignedInView view={{ name: "dashboard" }} />;
}
