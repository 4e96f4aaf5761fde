using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace LifelongLearning.Bot.Tests.Fakes.Telegram;

public sealed partial class FakeTelegramServer
{
    private static readonly string[] InlineButtonActions =
    [
        "url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
    ];

    private async Task HandleAsync(HttpContext context)
    {
        if (TryServeFile(context, out var file))
        {
            await file;
            return;
        }
        var started = _clock.Elapsed;
        var methodName = "";
        RequestParameters? parameters = null;
        var status = 0;
        string? description = null;
        try
        {
            // "/bot<token>/<method>": the token sits in the path, so a wrong one is told apart before the method.
            var path = context.Request.Path.Value ?? "";
            var slash = path.IndexOf('/', 1);
            if (!path.StartsWith("/bot", StringComparison.Ordinal) || slash < 0)
                throw new TelegramApiError(404, "Not Found");
            methodName = path[(slash + 1)..];
            if (path[4..slash] != Token) throw new TelegramApiError(401, "Unauthorized");
            if (!BotApiSpec.Instance.TryGetMethod(methodName, out var method)) throw new TelegramApiError(404, "Not Found");
            methodName = method.Name;

            using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _shutdown.Token);
            parameters = await RequestParameters.ReadAsync(context.Request, aborted.Token);
            if (TakeFault(method.Name) is { } fault)
            {
                if (fault.Hang) await Task.Delay(Timeout.Infinite, aborted.Token);
                throw new TelegramApiError(fault.StatusCode, fault.Description, fault.RetryAfter);
            }
            Validate(method, parameters);
            var result = await SendingAsync(method.Name, parameters, () => InvokeAsync(method, parameters, aborted.Token), aborted.Token);
            status = 200;
            await WriteAsync(context, 200, new JsonObject { ["ok"] = true, ["result"] = result });
        }
        catch (TelegramApiError error)
        {
            status = error.StatusCode;
            description = error.Description;
            var body = new JsonObject { ["ok"] = false, ["error_code"] = error.StatusCode, ["description"] = error.Description };
            if (error.RetryAfter is { } retryAfter) body["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
            await WriteAsync(context, error.StatusCode, body);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || _shutdown.IsCancellationRequested)
        {
            // The client gave up or the fake is going away: to the client it looks like a dropped connection.
            context.Abort();
        }
        catch (Exception exception)
        {
            status = 500;
            description = $"Internal Server Error: the fake Telegram server failed: {exception}";
            await WriteAsync(context, 500, new JsonObject { ["ok"] = false, ["error_code"] = 500, ["description"] = description });
        }
        finally
        {
            lock (_gate)
            {
                _requests.Add(new RecordedRequest(
                    ++_sequence, methodName, context.Request.Method, context.Request.ContentType,
                    parameters?.ToJson() ?? [], [.. parameters?.Files.Keys ?? []], status, description, started));
                Signal();
            }
        }
    }

    private static async Task WriteAsync(HttpContext context, int statusCode, JsonObject body)
    {
        if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested) return;
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        try { await context.Response.WriteAsync(body.ToJsonString()); }
        catch (Exception e) when (e is IOException or OperationCanceledException) { }
    }

    private Fault? TakeFault(string method)
    {
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f =>
                f.Remaining > 0 && (f.Method is null || string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase)));
            if (fault is null) return null;
            if (--fault.Remaining == 0) _faults.Remove(fault);
            return fault;
        }
    }

    private static void Validate(MethodSpec method, RequestParameters parameters)
    {
        foreach (var name in parameters.Names)
            if (!method.Fields.ContainsKey(name))
                throw new TelegramApiError(400, $"Bad Request: method {method.Name} has no parameter \"{name}\"");

        foreach (var field in method.Fields.Values)
        {
            if (!parameters.Has(field.Name))
            {
                if (field.Required) throw new TelegramApiError(400, $"Bad Request: parameter \"{field.Name}\" is required by {method.Name}");
                continue;
            }
            if (!field.Types.Any(type => HasType(parameters, field.Name, type)))
                throw new TelegramApiError(400, $"Bad Request: parameter \"{field.Name}\" must be {string.Join(" or ", field.Types)}");
        }
    }

    private static bool HasType(RequestParameters parameters, string name, string type)
    {
        if (type == "InputFile") return parameters.GetFile(name) is not null;
        if (!parameters.HasValue(name)) return false;
        var node = parameters.GetJson(name);
        return type switch
        {
            "Integer" => node is not null && RequestParameters.AsLong(node) is not null,
            "Boolean" => node is not null && RequestParameters.AsBool(node) is not null,
            "Float" => node is not null && RequestParameters.IsFloat(node),
            "String" => node is JsonValue,
            _ when type.StartsWith("Array of ", StringComparison.Ordinal) => node is JsonArray,
            _ => node is JsonObject,
        };
    }

    private async Task<JsonNode?> InvokeAsync(MethodSpec method, RequestParameters p, CancellationToken cancellationToken)
    {
        switch (method.Name)
        {
            case "getMe":
                return BotUserJson(full: true);
            case "getUpdates":
                return await GetUpdatesAsync(p, cancellationToken);
            case "setWebhook":
                return SetWebhook(p);
            case "deleteWebhook":
                lock (_gate)
                {
                    _webhookUrl = _webhookSecret = null;
                    if (p.GetBool("drop_pending_updates")) _pendingUpdates.Clear();
                }
                return true;
            case "getWebhookInfo":
                lock (_gate)
                    return new JsonObject
                    {
                        ["url"] = _webhookUrl ?? "",
                        ["has_custom_certificate"] = false,
                        ["pending_update_count"] = _pendingUpdates.Count,
                    };
            case "setMyCommands":
                return SetMyCommands(p);
            case "getMyCommands":
                lock (_gate)
                    return new JsonArray([.. (_commands.TryGetValue(CommandKey(p.GetJson("scope"), p.GetString("language_code")), out var list) ? list : [])
                        .Select(c => (JsonNode)new JsonObject { ["command"] = c.Command, ["description"] = c.Description })]);
            case "deleteMyCommands":
                lock (_gate) _commands.Remove(CommandKey(p.GetJson("scope"), p.GetString("language_code")));
                return true;
            case "getFile":
                return GetFile(p);
            case "answerCallbackQuery":
                return AnswerCallbackQuery(p);
            case "sendChatAction":
                lock (_gate) EnsureNotBlocked(ChatIdOf(p));
                return true;
            case "sendMediaGroup":
                return SendMediaGroup(method, p);
            case "copyMessage":
                return new JsonObject { ["message_id"] = Send(method, p)["message_id"]!.DeepClone() };
            case "editMessageText" or "editMessageCaption" or "editMessageReplyMarkup":
                return Edit(method, p);
            case "deleteMessage":
                return DeleteMessage(method, p);
        }
        if (method.Returns is ["Message"] && method.Fields.ContainsKey("chat_id")) return Send(method, p);
        if (method.Returns is ["Boolean"]) return true;
        throw new TelegramApiError(500, $"Internal Server Error: the fake Telegram server does not implement {method.Name}");
    }

    private async Task<JsonNode> GetUpdatesAsync(RequestParameters p, CancellationToken cancellationToken)
    {
        var offset = p.GetLong("offset");
        var limit = (int)Math.Clamp(p.GetLong("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, p.GetLong("timeout") ?? 0));
        var started = _clock.Elapsed;
        var conflict = new CancellationTokenSource();
        CancellationTokenSource? previous;
        lock (_gate)
        {
            if (_webhookUrl is not null)
                throw new TelegramApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            if (offset is { } confirmed) Confirm(confirmed);
            previous = _activePoll;
            _activePoll = conflict;
        }
        // Telegram ends the older of two concurrent polls, which is how a second bot instance shows itself.
        // Cancelled outside the lock: its continuation may run on this thread.
        if (previous is not null) await previous.CancelAsync();

        using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, conflict.Token);
        try
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (_pendingUpdates.Count > 0)
                        return new JsonArray([.. _pendingUpdates.Take(limit).Select(u => u.DeepClone())]);
                    changed = _changed.Task;
                }
                var remaining = timeout - (_clock.Elapsed - started);
                if (remaining <= TimeSpan.Zero) return new JsonArray();
                try { await changed.WaitAsync(remaining, poll.Token); }
                catch (TimeoutException) { }
            }
        }
        catch (OperationCanceledException) when (conflict.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TelegramApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        }
        finally
        {
            lock (_gate)
                if (_activePoll == conflict) _activePoll = null;
        }
    }

    /// <summary>Telegram's offset: a positive one confirms (drops) every update below it; a negative one keeps only the last few.</summary>
    private void Confirm(long offset)
    {
        if (offset > 0)
        {
            _pendingUpdates.RemoveAll(u => UpdateIdOf(u) < offset);
            _confirmedOffset = Math.Max(_confirmedOffset, offset);
        }
        else if (offset < 0)
        {
            var drop = _pendingUpdates.Count - (int)Math.Min(-offset, _pendingUpdates.Count);
            _pendingUpdates.RemoveRange(0, drop);
        }
        Signal();
    }

    private long AddUpdate(JsonObject update)
    {
        long updateId;
        if (update["update_id"] is { } given && RequestParameters.AsLong(given) is { } id)
        {
            updateId = id;
            _nextUpdateId = Math.Max(_nextUpdateId, id + 1);
        }
        else
        {
            updateId = _nextUpdateId++;
            update["update_id"] = updateId;
        }
        if (update["callback_query"]?["id"] is JsonValue callbackId)
            _openCallbackQueries.Add(RequestParameters.AsString(callbackId));
        var at = _pendingUpdates.FindIndex(u => UpdateIdOf(u) > updateId);
        _pendingUpdates.Insert(at < 0 ? _pendingUpdates.Count : at, update);
        Signal();
        return updateId;
    }

    private static long UpdateIdOf(JsonObject update) => RequestParameters.AsLong(update["update_id"]!) ?? 0;

    private JsonNode SetWebhook(RequestParameters p)
    {
        var url = p.GetString("url") ?? "";
        var secret = p.GetString("secret_token");
        if (url.Length > 0)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                throw new TelegramApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
            if (uri.Port is not (443 or 80 or 88 or 8443))
                throw new TelegramApiError(400, "Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
        }
        if (secret is not null && !SecretTokenPattern().IsMatch(secret))
            throw new TelegramApiError(400, "Bad Request: secret token contains unallowed characters");
        lock (_gate)
        {
            // An empty url is how Telegram's own clients remove a webhook.
            _webhookUrl = url.Length > 0 ? url : null;
            _webhookSecret = url.Length > 0 ? secret : null;
            if (p.GetBool("drop_pending_updates")) _pendingUpdates.Clear();
        }
        return true;
    }

    private JsonNode SetMyCommands(RequestParameters p)
    {
        var commands = new List<BotCommandInfo>();
        foreach (var item in p.GetJson("commands")!.AsArray())
        {
            var command = item?["command"] is JsonValue c ? RequestParameters.AsString(c) : "";
            var description = item?["description"] is JsonValue d ? RequestParameters.AsString(d) : "";
            if (!CommandPattern().IsMatch(command)) throw new TelegramApiError(400, "Bad Request: BOT_COMMAND_INVALID");
            if (description.Length is < 1 or > 256) throw new TelegramApiError(400, "Bad Request: command description is empty or too long");
            commands.Add(new BotCommandInfo(command, description));
        }
        if (commands.Count > 100) throw new TelegramApiError(400, "Bad Request: too many commands");
        var scope = p.GetJson("scope");
        var language = p.GetString("language_code");
        lock (_gate)
        {
            // A chat's own menu needs a chat Telegram knows, as sending does.
            if (scope?["type"]?.GetValue<string>() is "chat" && scope["chat_id"] is JsonValue id && long.TryParse(id.ToString(), out var chatId))
                EnsureNotBlocked(chatId);
            _commands[CommandKey(scope, language)] = commands;
            _commandSets.Add(new CommandsSet(commands, scope, language));
        }
        return true;
    }

    private static string CommandKey(JsonNode? scope, string? language)
    {
        var scopeKey = scope is null || scope["type"]?.GetValue<string>() == "default" ? "default" : scope.ToJsonString();
        return $"{scopeKey}|{language}";
    }

    private JsonNode AnswerCallbackQuery(RequestParameters p)
    {
        var id = p.GetString("callback_query_id")!;
        var text = p.GetString("text");
        if (text is { Length: > 200 }) throw new TelegramApiError(400, "Bad Request: MESSAGE_TOO_LONG");
        lock (_gate)
        {
            // A query can be answered once; an id the fake never issued is as good as expired.
            if (!_openCallbackQueries.Remove(id))
                throw new TelegramApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
            _answered.Add(new AnsweredCallbackQuery(
                id, text, p.GetBool("show_alert"), p.GetString("url"), (int?)p.GetLong("cache_time"), _clock.Elapsed));
            Signal();
        }
        return true;
    }

    private JsonObject Send(MethodSpec method, RequestParameters p)
    {
        var chatId = ChatIdOf(p);
        CheckContent(method, p);
        var mediaField = method.Fields.Values.FirstOrDefault(f =>
            f.Types.Contains("InputFile") && f.Name != "thumbnail" && p.Has(f.Name));
        var file = mediaField is null ? null : p.GetFile(mediaField.Name);
        var reference = mediaField is not null && file is null ? p.GetString(mediaField.Name) : null;
        lock (_gate)
            return RecordNewMessage(method.Name, chatId, p, p.GetString("text"), p.GetString("caption"), mediaField?.Name, file, reference);
    }

    private JsonNode SendMediaGroup(MethodSpec method, RequestParameters p)
    {
        var chatId = ChatIdOf(p);
        var media = p.GetJson("media")!.AsArray();
        if (media.Count is < 2 or > 10) throw new TelegramApiError(400, "Bad Request: wrong number of media in the album");
        foreach (var item in media)
            if (item?["caption"] is JsonValue caption && RequestParameters.AsString(caption).Length > MaxCaptionLength)
                throw new TelegramApiError(400, "Bad Request: message caption is too long");
        lock (_gate)
        {
            var messages = new JsonArray();
            foreach (var item in media)
            {
                var kind = item?["type"] is JsonValue type ? RequestParameters.AsString(type) : "photo";
                var value = item?["media"] is JsonValue m ? RequestParameters.AsString(m) : null;
                var file = p.ResolveAttachment(value);
                var caption = item?["caption"] is JsonValue c ? RequestParameters.AsString(c) : null;
                messages.Add(RecordNewMessage(method.Name, chatId, p, null, caption, kind, file, file is null ? value : null));
            }
            return messages;
        }
    }

    /// <summary>Under the lock: the checks Telegram makes on a chat, then the message itself.</summary>
    private JsonObject RecordNewMessage(
        string method, long chatId, RequestParameters p, string? text, string? caption, string? mediaKind, UploadedFile? file, string? reference)
    {
        EnsureNotBlocked(chatId);
        var now = _clock.Elapsed;
        if (_limits.Check(chatId, now) is { } violation)
        {
            _limitViolations.Add($"+{now.TotalMilliseconds:0}ms {method} to {chatId}: {violation.Reason}");
            if (_enforceLimits)
                throw new TelegramApiError(429, $"Too Many Requests: retry after {violation.RetryAfter}", violation.RetryAfter);
        }
        _limits.Record(chatId, now);

        var markup = p.GetJson("reply_markup");
        var messageId = NextMessageId(chatId);
        var stored = new StoredMessage
        {
            Text = text,
            Caption = caption,
            InlineMarkup = markup?["inline_keyboard"] is not null ? markup.DeepClone() : null,
            Date = UnixNow(),
            MediaKind = mediaKind,
            Media = MediaJson(mediaKind, file, reference),
        };
        _messages[(chatId, messageId)] = stored;
        _sent.Add(new SentMessage
        {
            Sequence = ++_sequence,
            Method = method,
            ChatId = chatId,
            MessageId = messageId,
            Text = text,
            Caption = caption,
            ParseMode = p.GetString("parse_mode"),
            ReplyMarkup = markup,
            InlineKeyboard = ParseInlineKeyboard(markup),
            ReplyKeyboard = ParseReplyKeyboard(markup),
            File = file,
            FileReference = reference,
            Parameters = p.ToJson(),
            Timestamp = DateTimeOffset.UtcNow,
            Elapsed = now,
        });
        Signal();
        return MessageJson(chatId, messageId, stored);
    }

    private JsonNode Edit(MethodSpec method, RequestParameters p)
    {
        CheckContent(method, p);
        // Messages sent "via" the bot in inline mode have no chat here, and Telegram answers True for them.
        if (p.HasValue("inline_message_id")) return true;
        if (!p.HasValue("chat_id")) throw new TelegramApiError(400, "Bad Request: chat_id is empty");
        var chatId = ChatIdOf(p);
        var messageId = p.GetLong("message_id") ?? throw new TelegramApiError(400, "Bad Request: message identifier is not specified");
        var text = p.GetString("text");
        if (method.Name == "editMessageText" && text is null && !p.HasValue("rich_message"))
            throw new TelegramApiError(400, "Bad Request: message text is empty");
        var markup = p.GetJson("reply_markup");
        var inline = markup?["inline_keyboard"] is not null ? markup : null;
        lock (_gate)
        {
            EnsureNotBlocked(chatId);
            // Unknown messages (ids a test made up) are edited without complaint; known ones are compared as Telegram does.
            if (!_messages.TryGetValue((chatId, messageId), out var stored))
                _messages[(chatId, messageId)] = stored = new StoredMessage { Date = UnixNow() };
            var newText = method.Name == "editMessageText" ? text : stored.Text;
            var newCaption = method.Name == "editMessageCaption" ? p.GetString("caption") : stored.Caption;
            if (newText == stored.Text && newCaption == stored.Caption && JsonNode.DeepEquals(inline, stored.InlineMarkup)
                && (stored.Text is not null || stored.Caption is not null || stored.InlineMarkup is not null))
                throw new TelegramApiError(400,
                    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            // Leaving reply_markup out of an edit removes the keyboard, a classic surprise.
            stored.Text = newText;
            stored.Caption = newCaption;
            stored.InlineMarkup = inline?.DeepClone();
            stored.EditDate = UnixNow();
            _sent.Add(new SentMessage
            {
                Sequence = ++_sequence,
                Method = method.Name,
                ChatId = chatId,
                MessageId = messageId,
                Text = method.Name == "editMessageText" ? text : null,
                Caption = method.Name == "editMessageCaption" ? newCaption : null,
                ParseMode = p.GetString("parse_mode"),
                ReplyMarkup = markup,
                InlineKeyboard = ParseInlineKeyboard(markup),
                Parameters = p.ToJson(),
                Timestamp = DateTimeOffset.UtcNow,
                Elapsed = _clock.Elapsed,
            });
            Signal();
            return MessageJson(chatId, messageId, stored);
        }
    }

    private JsonNode DeleteMessage(MethodSpec method, RequestParameters p)
    {
        var chatId = ChatIdOf(p);
        var messageId = p.GetLong("message_id")!.Value;
        lock (_gate)
        {
            _messages.Remove((chatId, messageId));
            _sent.Add(new SentMessage
            {
                Sequence = ++_sequence,
                Method = method.Name,
                ChatId = chatId,
                MessageId = messageId,
                Parameters = p.ToJson(),
                Timestamp = DateTimeOffset.UtcNow,
                Elapsed = _clock.Elapsed,
            });
            Signal();
        }
        return true;
    }

    private static void CheckContent(MethodSpec method, RequestParameters p)
    {
        if (method.Name is "sendMessage" or "editMessageText" && p.GetString("text") is { } text)
        {
            if (text.Trim().Length == 0) throw new TelegramApiError(400, "Bad Request: message text is empty");
            if (text.Length > MaxTextLength) throw new TelegramApiError(400, "Bad Request: message is too long");
        }
        if (p.GetString("caption") is { Length: > MaxCaptionLength })
            throw new TelegramApiError(400, "Bad Request: message caption is too long");
        if (p.GetJson("reply_markup") is { } markup) ValidateReplyMarkup(markup);
    }

    private static void ValidateReplyMarkup(JsonNode markup)
    {
        if (markup is not JsonObject obj) throw new TelegramApiError(400, "Bad Request: can't parse reply keyboard markup JSON object");
        if (obj["inline_keyboard"] is not { } keyboard) return;
        if (keyboard is not JsonArray rows || rows.Any(r => r is not JsonArray))
            throw new TelegramApiError(400, "Bad Request: can't parse inline keyboard button: field \"inline_keyboard\" must be an Array of Arrays");
        foreach (var button in rows.SelectMany(r => r!.AsArray()))
        {
            if (button is not JsonObject b || b["text"] is not JsonValue)
                throw new TelegramApiError(400, "Bad Request: can't parse inline keyboard button: Field \"text\" must be of type String");
            if (b["callback_data"] is { } data
                && Encoding.UTF8.GetByteCount(RequestParameters.AsString(data)) is < 1 or > MaxCallbackDataBytes)
                throw new TelegramApiError(400, "Bad Request: BUTTON_DATA_INVALID");
            if (!InlineButtonActions.Any(b.ContainsKey))
                throw new TelegramApiError(400, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }
    }

    private static IReadOnlyList<IReadOnlyList<InlineButton>> ParseInlineKeyboard(JsonNode? markup) =>
        markup?["inline_keyboard"] is JsonArray rows
            ? [.. rows.OfType<JsonArray>().Select(row => (IReadOnlyList<InlineButton>)[.. row.OfType<JsonObject>().Select(b => new InlineButton(
                b["text"] is JsonValue t ? RequestParameters.AsString(t) : "",
                b["callback_data"] is JsonValue d ? RequestParameters.AsString(d) : null,
                b["url"] is JsonValue u ? RequestParameters.AsString(u) : null))])]
            : [];

    private static IReadOnlyList<IReadOnlyList<string>> ParseReplyKeyboard(JsonNode? markup) =>
        markup?["keyboard"] is JsonArray rows
            ? [.. rows.OfType<JsonArray>().Select(row => (IReadOnlyList<string>)[.. row.Select(b => b switch
            {
                JsonObject o => o["text"] is JsonValue t ? RequestParameters.AsString(t) : "",
                JsonValue v => RequestParameters.AsString(v),
                _ => "",
            })])]
            : [];

    private static long ChatIdOf(RequestParameters p)
    {
        // The fake knows no @usernames, so Telegram's answer for an unknown one fits.
        return p.GetLong("chat_id") ?? throw new TelegramApiError(400, "Bad Request: chat not found");
    }

    private void EnsureNotBlocked(long chatId)
    {
        if (_requireKnownChats && !_chats.ContainsKey(chatId)) throw new TelegramApiError(400, "Bad Request: chat not found");
        if (_blocked.Contains(chatId)) throw new TelegramApiError(403, "Forbidden: bot was blocked by the user");
    }

    private long NextMessageId(long chatId)
    {
        var next = _lastMessageId.GetValueOrDefault(chatId) + 1;
        _lastMessageId[chatId] = next;
        return next;
    }

    private void RememberChat(long chatId, string type, string name) => _chats[chatId] = new ChatInfo(type, name);

    private JsonObject ChatJson(long chatId)
    {
        // Unknown chats: positive ids are people, -100… supergroups, other negative ids basic groups.
        var info = _chats.GetValueOrDefault(chatId)
            ?? new ChatInfo(chatId > 0 ? "private" : chatId < -1_000_000_000_000 ? "supergroup" : "group", chatId > 0 ? "Test" : "Test group");
        var chat = new JsonObject { ["id"] = chatId, ["type"] = info.Type };
        chat[info.Type == "private" ? "first_name" : "title"] = info.Name;
        return chat;
    }

    private static JsonObject UserJson(long id, string firstName) =>
        new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = firstName, ["language_code"] = "vi" };

    private JsonObject BotUserJson(bool full = false)
    {
        var user = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = BotFirstName, ["username"] = BotUsername };
        if (full)
        {
            user["can_join_groups"] = true;
            user["can_read_all_group_messages"] = false;
            user["supports_inline_queries"] = false;
            user["can_connect_to_business"] = false;
            user["has_main_web_app"] = false;
        }
        return user;
    }

    private JsonObject MessageJson(long chatId, long messageId, StoredMessage stored)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = BotUserJson(),
            ["chat"] = ChatJson(chatId),
            ["date"] = stored.Date,
        };
        if (stored.EditDate is { } edited) message["edit_date"] = edited;
        if (stored.Text is not null) message["text"] = stored.Text;
        if (stored.MediaKind is { } kind && stored.Media is { } media) message[kind] = media.DeepClone();
        if (stored.Caption is not null) message["caption"] = stored.Caption;
        if (stored.InlineMarkup is not null) message["reply_markup"] = stored.InlineMarkup.DeepClone();
        return message;
    }

    /// <summary>Only photos and documents get a body in the answer; other media are recorded but answered bare.</summary>
    private JsonNode? MediaJson(string? kind, UploadedFile? file, string? reference)
    {
        if (kind is not ("photo" or "document")) return null;
        var number = ++_nextFileNumber;
        var fileId = file is null ? reference ?? $"fake-{kind}-{number}" : $"fake-{kind}-{number}";
        var size = file?.Content.Length ?? 1000;
        if (kind == "photo")
            return new JsonArray(new JsonObject
            {
                ["file_id"] = fileId, ["file_unique_id"] = $"u{number}", ["width"] = 800, ["height"] = 600, ["file_size"] = size,
            });
        var document = new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = $"u{number}", ["file_size"] = size };
        if (file is not null)
        {
            document["file_name"] = file.FileName;
            if (file.ContentType is not null) document["mime_type"] = file.ContentType;
        }
        return document;
    }

    private static long UnixNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretTokenPattern();

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandPattern();
}
