// Fills a portal database with generated articles for benchmarks: see DatasetTool and docs/performance.md.
using DoJ.Portal.DatasetGenerator;

return await DatasetTool.RunAsync(args, Console.Out);
