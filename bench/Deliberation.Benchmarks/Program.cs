using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Deliberation.Benchmarks.Import;

// dotnet run -c Release -- [--quick] [BenchmarkDotNet options]   the engine benchmarks (all unless --filter is given)
// dotnet run -c Release -- import <server-url> <polis-folder> [runs] [pause-seconds]   times a Pol.is import over HTTP
// dotnet run -c Release -- import-plan [sizes]   a Pol.is import in process, no HTTP: time, CPU, GC, peak memory per size
// dotnet run -c Release -- chain [runs]   wall-clock and CPU time of verifying a 100,000-event stream
// dotnet run -c Release -- review [runs]   wall-clock times of the review on a 100,000-event dialogue
// dotnet run -c Release -- compute [runs]   fastest and median full recomputation and tracker start, with the load average
if (args is ["import", var url, var folder, ..])
    return await PolisImportTimer.RunAsync(new Uri(url), folder, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5,
        TimeSpan.FromSeconds(args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 0));

if (args is ["import-sizes", var sizesUrl, var serverPid, ..])
    return await PolisImportTimer.RunSizesAsync(new Uri(sizesUrl), int.Parse(serverPid, System.Globalization.CultureInfo.InvariantCulture),
        args.Length > 3 ? [.. args.Skip(3)] : ["500", "3000", "10000", "33000x783x61"]);

if (args is ["import-plan", ..])
    return await ImportPlanTimer.RunAsync(args.Length > 1 ? [.. args.Skip(1)] : ["500x100", "3000x100", "10000x100"]);

if (args is ["chain", ..])
    return await Deliberation.Benchmarks.History.ChainVerificationTimer.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);

if (args is ["review", ..])
    return await Deliberation.Benchmarks.History.ReviewTimer.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);

if (args is ["compute", ..])
    return Deliberation.Benchmarks.Engine.ComputeTimer.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);

var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToList();
if (!rest.Any(a => a is "--filter" or "-f" or "--list" or "--info"))
    rest.AddRange(["--filter", "*"]);
// ShortRun (1 launch, 3 warm-ups, 3 iterations) finishes the suite in a few minutes on two cores.
IConfig config = quick ? DefaultConfig.Instance.AddJob(Job.ShortRun) : DefaultConfig.Instance;
BenchmarkSwitcher.FromAssembly(typeof(PolisImportTimer).Assembly).Run([.. rest], config);
return 0;
