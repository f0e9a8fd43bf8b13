export default function DashboardPage() {
  return (
    <main className="mx-auto max-w-6xl p-4">
      <h1 className="text-2xl font-semibold">opwatch</h1>
    </main>
  );
}
