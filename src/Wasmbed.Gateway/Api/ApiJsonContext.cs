using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wasmbed.Gateway.Api;

/// <summary>Source-generated JSON for every management API shape (no reflection at run time).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(TenantModel))]
[JsonSerializable(typeof(List<TenantModel>))]
[JsonSerializable(typeof(AppModel))]
[JsonSerializable(typeof(List<AppModel>))]
[JsonSerializable(typeof(VersionsModel))]
[JsonSerializable(typeof(SequenceResponse))]
[JsonSerializable(typeof(PipelineModel))]
[JsonSerializable(typeof(List<PipelineModel>))]
[JsonSerializable(typeof(List<OutputMessageModel>))]
[JsonSerializable(typeof(List<RuleModel>))]
[JsonSerializable(typeof(List<LogEntryModel>))]
[JsonSerializable(typeof(MetricsModel))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
