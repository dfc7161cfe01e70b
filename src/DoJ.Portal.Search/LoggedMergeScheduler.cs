using Lucene.Net.Index;
using Microsoft.Extensions.Logging;

namespace DoJ.Portal.Search;

/// <summary>
/// Lucene's concurrent merges, with a failed merge logged instead of rethrown. The default rethrows on the merge's own
/// thread, where nothing can catch it and the whole process ends: a merge still running while the portal stops (the
/// index folder closed or deleted under it) took the test host down in CI. A failed merge loses nothing: the segments
/// it was merging stay as they were, and the next write merges again.
/// </summary>
internal sealed class LoggedMergeScheduler(ILogger logger) : ConcurrentMergeScheduler
{
    protected override void HandleMergeException(Exception exc)
    {
        logger.LogWarning(exc, "A background merge of the search index failed; its segments stay as they were");
    }
}
