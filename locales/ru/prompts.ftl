# Вопросы add-step, add-proposal и add-participant в терминале (src/edit/prompt.rs): ключи,
# подсказки к ним, варианты выбора, сводка и подтверждение, ответы, которые не приняты, и что
# говорится, когда пользователь отказывается или нажимает Ctrl-C. Идентификаторы начинаются с `ask-`.

ask-intro = Чтобы вернуться к предыдущему вопросу, введите <. Необязательный вопрос пропускается клавишей Enter; Ctrl-C прерывает работу, ничего не записав.

# Ключи — в вопросах и в сводке: слово, затем ключ в файле.
ask-field-case = Кейс (case)
ask-field-title = Наименование мероприятия (title)
ask-field-description = Содержание (description)
ask-field-deadline = Срок (deadline)
ask-field-responsible = Ответственные (responsible)
ask-field-partners = Партнёры (partners)
ask-field-result = Ожидаемый результат (result)
ask-field-indicators = Показатели (indicators)
ask-field-proposals = Выполняемые предложения (proposals)
ask-field-status = Статус (status)
ask-field-id = Идентификатор (id)
ask-field-text = Предложение (text)
ask-field-problems = Проблемы (problems)
ask-field-votes = Голоса (votes)
ask-field-reason = Причина (reason)
ask-field-name = Фамилия Имя Отчество (name)
ask-field-position = Должность (position)
ask-field-organisation = Организация (organisation)
ask-field-role = Роль (role)
ask-field-cases = Кейсы (cases)
ask-field-publish = Печатать ФИО в документе (publish)

# Вопрос и как на него ответить: «Партнёры (partners), id через запятую».
ask-with-hint = { $field }, { $hint }
ask-hint-ids = id через запятую
ask-hint-lead-first = id через запятую, первым — головной исполнитель
ask-hint-one-id = один id
ask-hint-choice = номер или id
ask-hint-deadline = например: II квартал 2027, до 1 декабря 2027 г., 2027-Q2
ask-hint-result = с числом
ask-hint-votes = целое число
ask-hint-step-id = пусто — следующий по порядку в кейсе
ask-hint-proposal-id = пусто — следующий по образцу кейса
# Вопрос, на который отвечают «да» или «нет».
ask-yes-no = { $question }? [д/н]
# «… и ещё 12: введите id» под сокращённым списком.
ask-more = … и ещё { $n }: введите id

# Варианты статуса и роли: что значит каждое ключевое слово.
ask-step-status = { $status ->
        [agreed] согласовано на сессии
        [proposed] предложение, ещё не согласовано
        [disputed] требует согласования
       *[other] { $status }
    }
ask-proposal-status = { $status ->
        [accepted] принято — его выполнит мероприятие
        [deferred] отложено
        [rejected] отклонено
       *[other] { $status }
    }
ask-role = { $role ->
        [speaker] выступает с докладом
        [moderator] ведёт работу группы по кейсу
        [expert] консультирует группы
        [participant] участник сессии
       *[other] { $role }
    }

# Сводка перед записью и подтверждение (вопрос с ответом «да» или «нет»).
ask-summary = { $what ->
        [step] Новое мероприятие
        [proposal] Новое предложение
       *[participant] Новый участник
    }:
ask-confirm = { $what ->
        [step] Добавить это мероприятие
        [proposal] Добавить это предложение
       *[participant] Добавить этого участника
    }
ask-empty = —
ask-auto-id = будет выбран при записи
ask-yes = да
ask-no = нет

# Ответы, после которых вопрос задаётся снова.
ask-required = нужен ответ
ask-first-question = это первый вопрос, возвращаться некуда
ask-unknown = { $kind ->
        [organisation] неизвестная организация
        [indicator] неизвестный показатель
        [proposal] неизвестное предложение
        [problem] неизвестная проблема
        [case] неизвестный кейс
        [status] неизвестный статус
        [role] неизвестная роль
       *[other] неизвестный id
    } «{ $id }»
ask-unknown-near = { $kind ->
        [organisation] неизвестная организация
        [indicator] неизвестный показатель
        [proposal] неизвестное предложение
        [problem] неизвестная проблема
        [case] неизвестный кейс
        [status] неизвестный статус
        [role] неизвестная роль
       *[other] неизвестный id
    } «{ $id }» — может быть, «{ $near }»?
ask-no-choice = варианта «{ $answer }» нет: введите номер из списка или id
ask-one-organisation = укажите одну организацию
ask-not-a-number = введите целое число или оставьте пустым
ask-bad-deadline = { $why } ({ $hint })
ask-yes-or-no = ответьте «д» (да) или «н» (нет)

# Как вопросы заканчиваются без записи.
ask-declined = отменено: ничего не записано
ask-interrupted = прервано: ничего не записано
